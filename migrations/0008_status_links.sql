ALTER TABLE `support_requests` ADD `status_nonce` text;--> statement-breakpoint
ALTER TABLE `support_requests` ADD `status_link_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `support_requests_status_link_unique` ON `support_requests` (`status_link_hash`);