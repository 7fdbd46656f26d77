//! Pure data and functions: checklists, sessions, scoring, comparison. No I/O, no terminal.

pub mod checklist;
pub mod compare;
pub mod edit;
pub mod ledger;
pub mod matching;
pub mod rounds;
pub mod scoring;
pub mod session;
pub mod text;
pub mod validate;
