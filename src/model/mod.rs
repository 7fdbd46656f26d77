//! Pure data and functions: checklists, sessions, scoring, comparison. No I/O, no terminal.

pub mod checklist;
pub mod edit;
pub mod scoring;
pub mod session;
pub mod text;
pub mod validate;
