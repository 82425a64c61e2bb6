//! Arbitrary text → quote spans (in bounds, on char boundaries, sorted, disjoint, each in one
//! paragraph), plus paragraph ranges that may be anything.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let n = text.len();
    let extra: Vec<std::ops::Range<usize>> = data
        .chunks(2)
        .take(4)
        .map(|c| usize::from(c[0]) % (n + 2)..usize::from(*c.last().unwrap_or(&0)) % (n + 2))
        .collect();
    yuedu_fuzz::check_quotes(&text, &extra);
});
