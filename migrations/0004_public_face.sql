CREATE TABLE `faq_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`question_nl` text NOT NULL,
	`answer_nl` text NOT NULL,
	`question_en` text,
	`answer_en` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`published` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `faq_entries_public_idx` ON `faq_entries` (`published`,`category`,`sort_order`);--> statement-breakpoint
CREATE TABLE `region_developments` (
	`id` integer PRIMARY KEY NOT NULL,
	`region_id` integer NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link_url` text,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`proposed_by_request_id` integer,
	`created_by_id` integer,
	`decided_by_id` integer,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by_request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `region_developments_region_idx` ON `region_developments` (`region_id`,`status`,`date`);--> statement-breakpoint
CREATE INDEX `region_developments_status_idx` ON `region_developments` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `tools` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`theme` text NOT NULL,
	`link_url` text,
	`file_hash` text,
	`file_name` text,
	`mime_type` text,
	`size_bytes` integer,
	`created_by_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "tools_file_or_link" CHECK(("tools"."file_hash" IS NULL) <> ("tools"."link_url" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `tools_theme_idx` ON `tools` (`theme`,`title`);--> statement-breakpoint
CREATE INDEX `tools_file_hash_idx` ON `tools` (`file_hash`);