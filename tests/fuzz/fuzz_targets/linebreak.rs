//! Arbitrary paragraph × width × indent × options → wrap, checking the line-breaking rules.
//! Input: byte 0 = width, byte 1 = indent, byte 2 = option bits, the rest = the paragraph.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let width = usize::from(data[0] % 128);
    let indent = usize::from(data[1] % 16);
    let opts = yuedu_fuzz::options_from(data[2]);
    let text = String::from_utf8_lossy(&data[3..]);
    yuedu_fuzz::check_wrap(&text, 17, width, indent, &opts);
});
