use crate::parse::string_enum;

/// The code editor's key bindings, remembered per learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Keymap {
    /// CodeMirror's own (and the browser's) keys.
    #[default]
    Standard,
    Vim,
}

string_enum!(Keymap, "keymap", { Standard => "standard", Vim => "vim" });
