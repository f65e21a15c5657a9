//! Parts of pages that never change after rendering: rendered to HTML on the server (by the
//! `*_html` server functions) and shown with `inner_html`, so none of their code ships in the
//! browser bundle. Links inside them are plain `<a>`s, which the router still follows without
//! a page load.

pub mod compiler_diagnostics;
pub mod custom_run;
pub mod dashboard;
pub mod data_panel;
pub mod demo_panel;
pub mod heatmap;
pub mod merge_offer;
pub mod my_notes;
pub mod note_panel;
pub mod outline;
pub mod problem_filter;
pub mod problem_list;
pub mod progress_bar;
pub mod review_card;
pub mod review_settings;
pub mod scaling_chart;
pub mod search_results;
pub mod submission_history;
pub mod submission_page;
pub mod verdict_table;
