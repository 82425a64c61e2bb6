//! Arbitrary bytes → decode (detected, then forced encodings) → Document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yuedu::document::{Document, load};

const FORCED: [&str; 5] = ["utf-8", "gb18030", "big5", "utf-16le", "utf-16be"];

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = load::decode(data, None) {
        yuedu_fuzz::check_document_shape(&Document::new("fuzz.txt", decoded));
    }
    if let Some((&first, rest)) = data.split_first() {
        let enc = FORCED[usize::from(first) % FORCED.len()];
        if let Ok(decoded) = load::decode(rest, Some(enc)) {
            yuedu_fuzz::check_document_shape(&Document::new("fuzz.md", decoded));
        }
    }
});
