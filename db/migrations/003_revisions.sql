-- Optimistic concurrency: every record the user edits in a form and saves whole carries a revision,
-- 1 when created and one more at each save. A save names the revision it was based on and is refused
-- when the stored one has moved on (another window or another Paybench on the same file saved first).
-- Existing rows start at 1.
ALTER TABLE projects ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contribution_sets ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE pay_guides ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE guide_versions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reference_wages ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
