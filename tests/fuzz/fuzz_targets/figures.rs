//! Arbitrary paragraph → figure spans (in bounds, on char boundaries, sorted, disjoint).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    yuedu_fuzz::check_figures(&text, 0);
    yuedu_fuzz::check_figures(&text, 1000);
});
