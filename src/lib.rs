//! zicha (自查): a terminal app for 文明单位 self-inspections.

pub mod cli;
pub mod clock;
pub mod command;
pub mod export;
pub mod i18n;
pub mod model;
pub mod ops;
pub mod progress;
pub mod store;
pub mod tui;
