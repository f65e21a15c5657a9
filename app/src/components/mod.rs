pub mod drafts;
pub mod error_box;
pub mod header;
pub mod question_card;
pub mod server_fragment;
pub mod status_mark;
pub mod theme_toggle;
pub mod workbench;
