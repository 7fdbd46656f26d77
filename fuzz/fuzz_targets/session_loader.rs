//! Any bytes given to the session loader: an error or a session, never a panic;
//! a session that loads must encode and load again to the same session.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zicha::store::session_file::{decode, encode};

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = decode(data, "fuzz.ron") {
        let text = encode(&decoded.session).expect("a decoded session encodes");
        let again = decode(text.as_bytes(), "again.ron").expect("an encoded session loads");
        assert_eq!(again.session, decoded.session);
    }
});
