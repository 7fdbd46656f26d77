//! An injected clock (ZICHA_NOW) that goes backwards or jumps never reorders saves
//! or history: the save counter orders saves, session dates order rounds.

mod common;

use common::Env;

fn mark_at(env: &Env, now: &str, id: &str, code: &str, status: &str, note: &str) {
    let out = env
        .cmd()
        .env("ZICHA_NOW", now)
        .args(["mark", id, code, status, "--note", note])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn saves_stay_in_order_when_the_clock_goes_backwards_or_jumps() {
    let env = Env::new();
    let id = env.new_session("wenming-keshi", "办公室", "2026年11月自查", "2026-11-20");
    let times = [
        "2026-11-21T10:00:00+08:00",
        "2019-01-01T00:00:00+08:00",
        "2031-06-01T00:00:00+08:00",
        "2026-11-21T09:59:59+08:00",
        "2026-11-21T09:59:59+08:00",
    ];
    let mut last_seq = env.show(&id)["seq"].as_u64().unwrap();
    for (round, now) in times.iter().enumerate() {
        let note = format!("第{round}次");
        mark_at(&env, now, &id, "1.1", "partial", &note);
        let shown = env.show(&id);
        let seq = shown["seq"].as_u64().unwrap();
        assert_eq!(
            seq,
            last_seq + 1,
            "the counter, not the clock, orders saves"
        );
        assert_eq!(
            common::item(&shown, "1.1")["note"],
            note.as_str(),
            "the latest edit wins"
        );
        last_seq = seq;
    }
    let text = std::fs::read_to_string(env.session_path(&id)).unwrap();
    assert!(
        text.contains("2026-11-21T09:59:59+08:00"),
        "timestamps are kept as given"
    );
}

#[test]
fn rounds_are_ordered_by_their_dates_not_by_when_they_were_typed_in() {
    let env = Env::new();
    let new_at = |now: &str, round: &str, date: &str| -> String {
        let out = env
            .cmd()
            .env("ZICHA_NOW", now)
            .args([
                "new",
                "--checklist",
                "wenming-keshi",
                "--department",
                "办公室",
                "--round",
                round,
                "--date",
                date,
            ])
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    // The November round was typed in first, on a clock set far in the future;
    // the October one later, on a clock set in the past.
    let november = new_at("2030-01-01T00:00:00+08:00", "11月", "2026-11-20");
    let october = new_at("2001-01-01T00:00:00+08:00", "10月", "2026-10-15");
    env.mark(&october, "1.1", "fail", &[]);
    env.mark(&november, "1.1", "pass", &[]);
    let compared = env.ok(["compare", &november, "--json"]);
    let compared: serde_json::Value = serde_json::from_str(&compared).unwrap();
    assert_eq!(
        compared["prior"],
        october.as_str(),
        "October is November's prior round"
    );
    let listing: serde_json::Value = serde_json::from_str(&env.ok(["list", "--json"])).unwrap();
    let order: Vec<&str> = listing
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["round"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["11月", "10月"], "newest date first");
}
