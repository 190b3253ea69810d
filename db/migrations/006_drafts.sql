-- Drafts (草稿): the budget editor's text as typed, kept when it does not pass the project schema yet
-- (a cost line without a name, "8OO" in a price), so no edit is lost while the stored project keeps
-- its last valid content. One draft per project, typed on top of the project's `revision`; a project
-- saved since (revision moved on) makes the draft stale, and the store no longer hands it out.
-- Deleting the project deletes its draft.
CREATE TABLE project_drafts (
  project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
  revision   INTEGER NOT NULL,
  draft_json TEXT NOT NULL,
  problems   INTEGER NOT NULL DEFAULT 0,
  saved_at   TEXT NOT NULL
);
