//! Arbitrary text → Document (blocks and outline), as plain text and as Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    yuedu_fuzz::check_document("fuzz.txt", &text);
    yuedu_fuzz::check_document("fuzz.md", &text);
});
