-- The code editor's key bindings (`standard` or `vim`), kept with the account so they follow the
-- learner to another device.
ALTER TABLE users ADD COLUMN editor_keymap TEXT NOT NULL DEFAULT 'standard' CHECK (editor_keymap IN ('standard', 'vim'));
