//! `zicha demo`, and `list` with and without the index cache: the same output
//! whether the summaries come from the index or from the session files.

mod common;

use common::Env;

fn demo(env: &Env) -> String {
    env.ok([
        "demo",
        "--departments",
        "5",
        "--rounds",
        "4",
        "--seed",
        "9",
        "--until",
        "2026-11-21",
    ])
}

fn listings(env: &Env) -> Vec<String> {
    vec![
        env.ok(["list"]),
        env.ok(["list", "--json"]),
        env.ok(["list", "--round", "2026年11月上半月自查"]),
        env.ok(["list", "--department", "党群室", "--json"]),
        env.ok(["ledger", "--json"]),
        env.ok(["ledger", "--all"]),
    ]
}

#[test]
fn demo_fills_an_empty_folder_and_refuses_one_with_sessions() {
    let env = Env::new();
    let said = demo(&env);
    // 5 departments × 4 rounds, and the unit's own session (全局) each round.
    assert!(said.starts_with("24 sessions"), "{said}");
    let sessions = env.ok(["list", "--json"]);
    let sessions: serde_json::Value = serde_json::from_str(&sessions).unwrap();
    assert_eq!(sessions.as_array().map(Vec::len), Some(24));
    let rounds: std::collections::BTreeSet<&str> = sessions
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["round"].as_str())
        .collect();
    assert!(rounds.contains("2026年11月下半月自查"), "{rounds:?}");
    assert!(rounds.contains("2026年10月上半月自查"), "{rounds:?}");
    let error = env.fails(["demo"], 1);
    assert!(error.contains("already holds 24 sessions"), "{error}");
    let added = env.ok([
        "demo",
        "--add",
        "--seed",
        "2",
        "--departments",
        "1",
        "--rounds",
        "1",
    ]);
    assert!(added.starts_with("2 sessions"), "{added}");
}

#[test]
fn list_and_ledger_say_the_same_with_and_without_the_index() {
    let env = Env::new();
    demo(&env);
    let index = env.data.join("index.ron");
    assert!(!index.exists());
    let cold = listings(&env);
    assert!(index.exists(), "the first listing writes the index");
    let warm = listings(&env);
    assert_eq!(warm, cold);
    std::fs::remove_file(&index).unwrap();
    assert_eq!(listings(&env), cold, "rebuilt from the files");
    std::fs::write(&index, "garbage").unwrap();
    assert_eq!(listings(&env), cold, "a damaged index is rebuilt");
}

#[test]
fn list_follows_edits_made_after_the_index_was_written() {
    let env = Env::new();
    demo(&env);
    let before = env.ok(["list", "--json"]);
    let sessions: serde_json::Value = serde_json::from_str(&before).unwrap();
    let newest = sessions[0]["id"].as_str().unwrap().to_string();
    env.mark(&newest, "1.1", "fail", &["--note", "复查发现问题"]);
    let after: serde_json::Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    let row = after
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == newest.as_str())
        .unwrap();
    let detail = env.show(&newest);
    for field in ["score", "percent", "checked", "problems", "seq", "grade"] {
        assert_eq!(row[field], detail[field], "{field}");
    }
    std::fs::remove_file(env.session_path(&newest)).unwrap();
    let listed = env.ok(["list"]);
    assert!(
        !listed.contains(&newest),
        "a deleted session leaves the list"
    );
}
