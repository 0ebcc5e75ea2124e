-- Searching a province's name finds its associations and youth centres (issue #17: "istanbul" found none of
-- İstanbul's). The province's folded name is appended to each row's search text, where the data layer now puts it
-- (db/registry/specs.ts, db/orgUnits/queries.ts); the full-text triggers re-index the rows.
UPDATE `associations` SET `search_text` = trim(`search_text` || ' ' || kopru_fold((SELECT `name` FROM `provinces` WHERE `plate` = `associations`.`province_plate`)));
--> statement-breakpoint
UPDATE `youth_centres` SET `search_text` = trim(`search_text` || ' ' || kopru_fold((SELECT `name` FROM `provinces` WHERE `plate` = `youth_centres`.`province_plate`)));
