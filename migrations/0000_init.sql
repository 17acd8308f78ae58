CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`region_id` integer,
	`before` text,
	`after` text,
	`reason` text,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_region_idx` ON `audit_events` (`region_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`id` integer PRIMARY KEY NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_owner_unique` ON `calendar_feeds` (`owner_kind`,`owner_id`);--> statement-breakpoint
CREATE TABLE `day_adjustments` (
	`id` integer PRIMARY KEY NOT NULL,
	`region_id` integer NOT NULL,
	`year` integer NOT NULL,
	`delta_half_days` integer NOT NULL,
	`reason` text NOT NULL,
	`author_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `day_adjustments_region_year_idx` ON `day_adjustments` (`region_id`,`year`);--> statement-breakpoint
CREATE TABLE `day_allotments` (
	`region_id` integer NOT NULL,
	`year` integer NOT NULL,
	`half_days` integer NOT NULL,
	`reason` text NOT NULL,
	`set_by_id` integer,
	`set_at` integer NOT NULL,
	PRIMARY KEY(`region_id`, `year`),
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`set_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "day_allotments_nonneg" CHECK("day_allotments"."half_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`to_email` text NOT NULL,
	`to_name` text DEFAULT '' NOT NULL,
	`language` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`ics` text,
	`ics_method` text,
	`visit_id` integer,
	`request_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`transport` text,
	`provider_id` text,
	`last_error` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_visit_idx` ON `outbox` (`visit_id`);--> statement-breakpoint
CREATE INDEX `outbox_request_idx` ON `outbox` (`request_id`);--> statement-breakpoint
CREATE TABLE `rate_limit_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`bucket` text NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limit_events_lookup_idx` ON `rate_limit_events` (`bucket`,`key`,`at`);--> statement-breakpoint
CREATE TABLE `region_contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`region_id` integer NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`phone` text,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `region_contacts_region_idx` ON `region_contacts` (`region_id`);--> statement-breakpoint
CREATE TABLE `region_questions` (
	`id` integer PRIMARY KEY NOT NULL,
	`request_id` integer NOT NULL,
	`visit_id` integer,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`proposed_starts_at` integer,
	`proposed_ends_at` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`answer` text,
	`handled_by_id` integer,
	`handled_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visit_id`) REFERENCES `visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `region_questions_status_idx` ON `region_questions` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY NOT NULL,
	`registration_number` text NOT NULL,
	`name` text NOT NULL,
	`province` text NOT NULL,
	`plan_status` text NOT NULL,
	`penvoerder` text NOT NULL,
	`speerpunten` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "regions_registration_number_format" CHECK("regions"."registration_number" GLOB 'STO19[0-9][0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_registration_number_unique` ON `regions` (`registration_number`);--> statement-breakpoint
CREATE TABLE `request_events` (
	`id` integer PRIMARY KEY NOT NULL,
	`request_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_kind` text NOT NULL,
	`kind` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`visible_to_region` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `request_events_request_idx` ON `request_events` (`request_id`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `support_requests` (
	`id` integer PRIMARY KEY NOT NULL,
	`region_id` integer NOT NULL,
	`support_type_id` integer NOT NULL,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`contact_role` text NOT NULL,
	`contact_language` text DEFAULT 'nl' NOT NULL,
	`question` text NOT NULL,
	`theme` text,
	`preferred_period` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`expected_half_days` integer DEFAULT 2 NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`supporter_id` integer,
	`assignment_status` text,
	`status_token_hash` text NOT NULL,
	`consent_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`support_type_id`) REFERENCES `support_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_requests_status_token_unique` ON `support_requests` (`status_token_hash`);--> statement-breakpoint
CREATE INDEX `support_requests_region_idx` ON `support_requests` (`region_id`);--> statement-breakpoint
CREATE INDEX `support_requests_supporter_idx` ON `support_requests` (`supporter_id`);--> statement-breakpoint
CREATE INDEX `support_requests_status_idx` ON `support_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `support_types` (
	`id` integer PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`name_nl` text NOT NULL,
	`name_en` text NOT NULL,
	`description_nl` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`cap_per_region` integer,
	`bookable_until` integer,
	`draws_on_days` integer NOT NULL,
	`default_minutes` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_types_key_unique` ON `support_types` (`key`);--> statement-breakpoint
CREATE TABLE `unavailability` (
	`id` integer PRIMARY KEY NOT NULL,
	`supporter_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`supporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "unavailability_end_after_start" CHECK("unavailability"."ends_at" > "unavailability"."starts_at")
);
--> statement-breakpoint
CREATE INDEX `unavailability_supporter_idx` ON `unavailability` (`supporter_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`language` text DEFAULT 'nl' NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`home_region_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`home_region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` ("email" COLLATE NOCASE);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY NOT NULL,
	`request_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	`support_type_id` integer NOT NULL,
	`supporter_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`ledger_year` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`half_days` integer NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`calendar_uid` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`minutes_spent` integer,
	`report` text,
	`report_visible_to_region` integer DEFAULT false NOT NULL,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `support_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`support_type_id`) REFERENCES `support_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "visits_end_after_start" CHECK("visits"."ends_at" > "visits"."starts_at"),
	CONSTRAINT "visits_half_days_nonneg" CHECK("visits"."half_days" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visits_calendar_uid_unique` ON `visits` (`calendar_uid`);--> statement-breakpoint
CREATE INDEX `visits_supporter_time_idx` ON `visits` (`supporter_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `visits_region_type_idx` ON `visits` (`region_id`,`support_type_id`,`status`);--> statement-breakpoint
CREATE INDEX `visits_region_year_idx` ON `visits` (`region_id`,`ledger_year`,`status`);--> statement-breakpoint
CREATE INDEX `visits_request_idx` ON `visits` (`request_id`);--> statement-breakpoint
CREATE INDEX `visits_start_idx` ON `visits` (`starts_at`);