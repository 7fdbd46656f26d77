//! Formats over time: golden session files of every past `format` load and score
//! the same with this build; a future format stays read-only.

mod common;

use std::path::Path;

use common::Env;
use serde_json::Value;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

fn fixture_dir(format: &str) -> std::path::PathBuf {
    common::manifest_dir()
        .join("tests/fixtures/formats")
        .join(format)
}

/// A data dir holding a copy of one golden format's sessions and archive.
fn golden(format: &str) -> Env {
    let env = Env::new();
    let dir = fixture_dir(format);
    copy_dir(&dir.join("sessions"), &env.data.join("sessions"));
    copy_dir(&dir.join("archive"), &env.data.join("archive"));
    env
}

fn check_format(format: &str) {
    let env = golden(format);
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture_dir(format).join("expected.json")).unwrap(),
    )
    .unwrap();
    let expected = expected.as_object().unwrap();
    assert!(!expected.is_empty());
    for (id, want) in expected {
        let got = env.show(id);
        for (key, value) in want.as_object().unwrap() {
            if key == "items" {
                for want_item in value.as_array().unwrap() {
                    let code = want_item["code"].as_str().unwrap();
                    let got_item = common::item(&got, code);
                    for (field, value) in want_item.as_object().unwrap() {
                        if field == "rectification" && value.is_object() {
                            // Only the fields written down are checked.
                            for (key, want) in value.as_object().unwrap() {
                                let got = &got_item[field][key];
                                assert_eq!(got, want, "{format} {id} {code} rectification.{key}");
                            }
                        } else {
                            assert_eq!(&got_item[field], value, "{format} {id} {code} {field}");
                        }
                    }
                }
            } else {
                assert_eq!(&got[key], value, "{format} {id} {key}");
            }
        }
    }
    let listed = env.ok(["list", "--json"]);
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        expected.len(),
        "every golden session lists"
    );
}

#[test]
fn format_1_sessions_load_and_score_the_same() {
    check_format("format-1");
}

#[test]
fn format_2_sessions_load_and_score_the_same_and_keep_their_conflicts() {
    check_format("format-2");
    let env = golden("format-2");
    let listed = env.ok(["conflicts", "--json"]);
    assert!(
        listed.contains("1.2") && listed.contains("甲的备注"),
        "{listed}"
    );
    let id = "01a200a8-e704-7050-9813-29566e082f93";
    let before = std::fs::read_to_string(env.session_path(id)).unwrap();
    env.ok(["list"]);
    env.ok(["show", id]);
    assert_eq!(
        std::fs::read_to_string(env.session_path(id)).unwrap(),
        before,
        "reading never rewrites"
    );
}

/// Format 3: per-occurrence counts, levels, a 负面清单 item, a unit session,
/// surveyed rates and the rectification loop (责任科室, 整改措施, 整改落实, 复查),
/// scored as worked out by hand in expected.json.
#[test]
fn format_3_sessions_load_and_score_the_same_and_are_not_rewritten() {
    check_format("format-3");
    let env = golden("format-3");
    let dir = fixture_dir("format-3").join("sessions");
    env.ok(["list"]);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        let id = name.trim_end_matches(".ron");
        env.ok(["show", id]);
        assert_eq!(
            std::fs::read(env.session_path(id)).unwrap(),
            std::fs::read(entry.path()).unwrap(),
            "reading never rewrites {name}"
        );
    }
}

#[test]
fn saving_a_format_3_session_keeps_its_counts_levels_rates_and_scope() {
    let env = golden("format-3");
    let id = "01a22d85-e42f-7544-90f3-4b154613e9e5";
    let before = env.show(id);
    env.mark(id, "8.1", "fail", &[]);
    let after = env.show(id);
    for code in ["1.1", "2.1", "2.2", "3.1", "9.1"] {
        assert_eq!(
            common::item(&after, code),
            common::item(&before, code),
            "{code}"
        );
    }
    assert_eq!(after["scope"], "unit");
    assert_eq!(after["bonus"], 0.0, "8.1 not earned now");
    assert_eq!(after["score"], 17.46, "20.46 + 0 − 3");
    let text = std::fs::read_to_string(env.session_path(id)).unwrap();
    for kept in [
        "format: 3,",
        "scope: \"unit\",",
        "level: \"B\",",
        "0: 3,",
        "numerator: 43,",
    ] {
        assert!(text.contains(kept), "{kept} kept:\n{text}");
    }
}

#[test]
fn an_old_session_is_upgraded_when_it_is_next_saved_and_keeps_its_content() {
    let env = golden("format-1");
    let id = "01a2009f-258e-7262-8e8c-356b393c11d9";
    let before = env.show(id);
    env.mark(id, "2.1", "pass", &[]);
    let after = env.show(id);
    assert_eq!(
        common::item(&after, "1.2")["note"],
        common::item(&before, "1.2")["note"]
    );
    assert_eq!(after["seq"].as_u64(), before["seq"].as_u64().map(|s| s + 1));
    let text = std::fs::read_to_string(env.session_path(id)).unwrap();
    assert!(
        !text.contains("format: 1,"),
        "saved in the current format:\n{text}"
    );
}

#[test]
fn a_future_format_stays_read_only() {
    let env = golden("format-1");
    let id = "01a2009f-266b-7197-b5dd-43be95543d0e";
    let path = env.session_path(id);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "format: 1,",
        "format: 99,\n    hologram: \"新字段\",",
        1,
    );
    std::fs::write(&path, &text).unwrap();
    let shown = env.run(["show", id]);
    shown.expect_code(0);
    assert!(shown.stderr.contains("newer zicha"), "{}", shown.stderr);
    env.run(["reopen", id]).expect_code(1);
    env.run(["mark", id, "1.2", "pass"]).expect_code(1);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "never rewritten"
    );
}

/// Format 1 and 2 closed a rectification by marking it done: it counts as closed,
/// its re-check implied (docs/design.md §10); saving writes the implied re-check
/// out, and a format-3 file with the loop's fields keeps them through a save.
#[test]
fn older_done_rectifications_count_as_closed_and_the_loop_fields_survive_a_save() {
    let env = golden("format-1");
    let listed = env.ok(["ledger", "--all", "--json"]);
    let ledger: Value = serde_json::from_str(&listed).unwrap();
    let closed: Vec<&Value> = ledger
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["closed"] == true)
        .collect();
    assert_eq!(closed.len(), 1, "{ledger:#}");
    assert_eq!(closed[0]["code"], "1.4");
    assert_eq!(closed[0]["owner"], "张华", "the owner stays as written");
    let id = "01a2009f-258e-7262-8e8c-356b393c11d9";
    env.mark(id, "2.1", "pass", &[]);
    let text = std::fs::read_to_string(env.session_path(id)).unwrap();
    assert!(text.contains("implied: true"), "{text}");
    assert_eq!(
        common::item(&env.show(id), "1.4")["rectification"]["closed"],
        true
    );

    let env = golden("format-3");
    let id = "01a22d85-e460-7a11-8b22-c33d44e55f66";
    let before = env.show(id);
    env.ok(["reopen", id]);
    env.mark(id, "2.2", "fail", &[]);
    let after = env.show(id);
    for code in ["2.1", "3.1"] {
        assert_eq!(
            common::item(&after, code)["rectification"],
            common::item(&before, code)["rectification"],
            "{code}"
        );
    }
    let text = std::fs::read_to_string(env.session_path(id)).unwrap();
    for kept in [
        "owner_department: \"工会\",",
        "measure: \"补充宣讲员两名\",",
        "result: fail,",
    ] {
        assert!(text.contains(kept), "{kept} kept:\n{text}");
    }
}
