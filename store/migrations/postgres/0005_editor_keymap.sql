-- The code editor's key bindings, per account (see SQLite's 0007).
ALTER TABLE users ADD COLUMN editor_keymap TEXT NOT NULL DEFAULT 'standard' CHECK (editor_keymap IN ('standard', 'vim'));
