CREATE TABLE `school_holidays` (
	`id` integer PRIMARY KEY NOT NULL,
	`school_year` text NOT NULL,
	`zone` text NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`compulsory` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "school_holidays_zone" CHECK("school_holidays"."zone" IN ('noord', 'midden', 'zuid')),
	CONSTRAINT "school_holidays_dates" CHECK("school_holidays"."end_date" >= "school_holidays"."start_date")
);
--> statement-breakpoint
CREATE INDEX `school_holidays_zone_dates_idx` ON `school_holidays` (`zone`,`start_date`);--> statement-breakpoint
CREATE INDEX `school_holidays_year_idx` ON `school_holidays` (`school_year`,`zone`);--> statement-breakpoint
ALTER TABLE `regions` ADD `holiday_zone` text;