//! Pure data and functions: checklists, sessions, scoring, comparison. No I/O, no terminal.

pub mod attachment;
pub mod board;
pub mod checklist;
pub mod compare;
pub mod demo;
mod demo_marks;
mod demo_words;
pub mod edit;
pub mod head;
pub mod judgement;
pub mod ledger;
pub mod matching;
pub mod merge;
pub mod order;
pub mod pasted_paths;
pub mod rate;
pub mod recheck;
pub mod revision;
pub mod rounds;
pub mod scoring;
pub mod session;
pub mod table_import;
pub mod text;
pub mod validate;
mod validate_scoring;
pub mod verdict;
