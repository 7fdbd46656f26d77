//! The command line as a new user meets it: `show` in full, status words, values
//! that start with '-', and exit code 2 for every usage error (docs/design.md §6).

mod common;

use common::Env;

fn marked_session(env: &Env) -> String {
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-20");
    env.mark(
        &id,
        "3.3",
        "fail",
        &["--note", "窗台有积灰\n门后有杂物", "--deduct", "1"],
    );
    id
}

#[test]
fn show_lists_deductions_and_keeps_the_lines_of_a_note() {
    let env = Env::new();
    let id = marked_session(&env);
    for lang in ["zh", "en"] {
        let out = env.ok(["--lang", lang, "show", &id]);
        let lines: Vec<&str> = out.lines().collect();
        let first = lines
            .iter()
            .position(|l| l.ends_with("窗台有积灰"))
            .unwrap_or_else(|| panic!("the note's first line:\n{out}"));
        assert_eq!(lines[first + 1].trim(), "门后有杂物", "{out}");
        let deducted = if lang == "zh" {
            "扣分："
        } else {
            "Deducted: "
        };
        assert!(
            lines.iter().any(|l| l.trim_start().starts_with(deducted)),
            "{out}"
        );
    }
}

#[test]
fn an_unknown_status_lists_the_chinese_words_too() {
    let env = Env::new();
    let id = marked_session(&env);
    for lang in ["zh", "en"] {
        let err = env.fails(["--lang", lang, "mark", &id, "3.3", "合格"], 1);
        for word in ["pass", "未查", "达标", "基本达标", "未达标", "不适用"] {
            assert!(err.contains(word), "{lang}: {err}");
        }
    }
}

#[test]
fn text_values_may_start_with_a_hyphen() {
    let env = Env::new();
    let id = marked_session(&env);
    env.mark(&id, "3.3", "partial", &["--note", "-2+3 分，另见附件"]);
    env.mark(
        &id,
        "4.1",
        "fail",
        &["--owner", "-李明-", "--note", "--json"],
    );
    let shown = env.show(&id);
    let items = shown["items"].as_array().expect("items");
    let note = |code: &str| {
        items
            .iter()
            .find(|item| item["code"] == code)
            .map(|item| item["note"].as_str().unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    assert_eq!(note("3.3"), "-2+3 分，另见附件");
    assert_eq!(note("4.1"), "--json");
    // A negative number for points is refused with the clear message, as with `=`.
    let err = env.fails(
        [
            "mark",
            &id,
            "3.3",
            "partial",
            "--deduct-reason",
            "x",
            "--deduct-points",
            "-1",
        ],
        1,
    );
    assert!(
        err.contains("-1") && !err.contains("unexpected argument"),
        "{err}"
    );
}

#[test]
fn every_usage_error_exits_2_and_echoes_nothing_raw() {
    let env = Env::new();
    let id = marked_session(&env);
    let hostile = "x\u{1b}[31m\u{7}";
    for args in [
        vec!["--lang", "fr", "list"],
        vec!["list", "--lang", hostile],
        vec!["export", id.as_str(), "--format", "pdf"],
        vec!["export", id.as_str(), "--format", hostile],
        vec!["checklists", "form", "wenming-keshi", "--format", "pdf"],
        vec!["mark", id.as_str(), "3.3", "--rate", "51/50"],
        vec!["mark", id.as_str(), "3.3", "pass", "--due", "2026-11-99"],
        vec![
            "new",
            "--checklist",
            "x",
            "--department",
            "a",
            "--round",
            "b",
            "--date",
            "2026-02-30",
        ],
        vec!["show"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.code, Some(2), "{args:?}: {}", out.stderr);
        assert!(
            !out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{7}'),
            "{args:?}: {:?}",
            out.stderr
        );
        assert!(!out.stderr.trim().is_empty(), "{args:?} says why");
    }
    let out = env
        .cmd()
        .env("ZICHA_LANG", "klingon")
        .arg("list")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}
