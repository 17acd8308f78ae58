CREATE TABLE `meeting_signups` (
	`id` integer PRIMARY KEY NOT NULL,
	`meeting_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`language` text DEFAULT 'nl' NOT NULL,
	`status` text NOT NULL,
	`queued_at` integer NOT NULL,
	`attended` integer,
	`token_hash` text NOT NULL,
	`consent_at` integer,
	`added_by_id` integer,
	`confirmed_at` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_signups_token_unique` ON `meeting_signups` (`token_hash`);--> statement-breakpoint
CREATE INDEX `meeting_signups_meeting_status_idx` ON `meeting_signups` (`meeting_id`,`status`,`queued_at`);--> statement-breakpoint
CREATE INDEX `meeting_signups_meeting_region_idx` ON `meeting_signups` (`meeting_id`,`region_id`,`status`);--> statement-breakpoint
CREATE INDEX `meeting_signups_meeting_email_idx` ON `meeting_signups` (`meeting_id`,`email`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY NOT NULL,
	`title_nl` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`description_nl` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`theme` text NOT NULL,
	`audiences` text DEFAULT '[]' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`online_url` text,
	`capacity` integer NOT NULL,
	`places_per_region` integer,
	`signup_deadline` integer NOT NULL,
	`visible_from` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`calendar_uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`cancel_reason` text,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_end_after_start" CHECK("meetings"."ends_at" > "meetings"."starts_at"),
	CONSTRAINT "meetings_capacity_positive" CHECK("meetings"."capacity" >= 1),
	CONSTRAINT "meetings_places_per_region_positive" CHECK("meetings"."places_per_region" IS NULL OR "meetings"."places_per_region" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_calendar_uid_unique` ON `meetings` (`calendar_uid`);--> statement-breakpoint
CREATE INDEX `meetings_status_start_idx` ON `meetings` (`status`,`starts_at`);