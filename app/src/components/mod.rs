pub mod error_box;
pub mod header;
pub mod heatmap;
pub mod progress_bar;
pub mod question_card;
pub mod theme_toggle;
pub mod verdict_table;
pub mod workbench;
