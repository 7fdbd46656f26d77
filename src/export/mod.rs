//! Everything zicha writes for people and programs: JSON, plain text, and report files.

pub mod json;
pub mod text;
