//! Any bytes given to the checklist loader: an error or a checklist, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(checklist) = zicha::store::checklist_file::parse_checklist(data, "fuzz.ron") {
        // A loaded checklist must be safe to walk and score.
        let _ = checklist.nodes();
        let _ = zicha::model::validate::validate(&checklist);
    }
});
