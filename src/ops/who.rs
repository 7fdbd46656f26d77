//! Who is making a change: one rule for the CLI and the UI, so that two inspectors
//! sharing a session are told apart when their copies are merged.

use crate::model::session::Session;

/// The person at the keyboard (`--by`, or the inspector this machine remembers),
/// else the session's inspector, else the login name. Blank names are skipped.
pub fn editor_name(at_keyboard: &[&str], session: &Session, login: &str) -> String {
    at_keyboard
        .iter()
        .copied()
        .chain([session.inspector.as_str(), login])
        .map(str::trim)
        .find(|name| !name.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// The login name from the environment (`USER`, or `USERNAME` on Windows).
pub fn login_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rounds::tests::session;

    #[test]
    fn the_keyboard_first_then_the_session_then_the_login() {
        let mut s = session(1, "办公室", "2026-11-15", "09:00");
        s.inspector = "王敏".into();
        assert_eq!(editor_name(&["李明", "张华"], &s, "wang"), "李明");
        assert_eq!(editor_name(&[" ", "张华"], &s, "wang"), "张华");
        assert_eq!(editor_name(&[], &s, "wang"), "王敏");
        s.inspector.clear();
        assert_eq!(editor_name(&[""], &s, "wang"), "wang");
    }
}
