pub mod auth;
pub mod dashboard;
pub mod demo;
pub mod home;
pub mod lesson;
pub mod not_found;
pub mod problem;
pub mod problems;
