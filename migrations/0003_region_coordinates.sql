ALTER TABLE `regions` ADD `latitude` real;--> statement-breakpoint
ALTER TABLE `regions` ADD `longitude` real;