-- 非社工岗 (finance, administration, logistics …): a staff line outside the guide, paid its agreed
-- monthly pay, counted as staff but not as a social-work post (docs/design.md §Budget arithmetic,
-- "Social-work post share"). Existing lines are social-work posts.
ALTER TABLE project_staff_lines ADD COLUMN non_social_work INTEGER NOT NULL DEFAULT 0;
