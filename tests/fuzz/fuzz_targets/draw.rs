//! Arbitrary text full of controls → the reader drawn into a frame of one size after a
//! resize to another, after some actions: no panic, no control character in any cell.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 6 {
        return;
    }
    let size = |a: u8, b: u8| (u16::from(a) % 160 + 1, u16::from(b) % 50 + 1);
    let (actions, rest) = data[4..].split_at(usize::from(data[4] % 8).min(data.len() - 4));
    let text = yuedu_fuzz::control_rich_text(rest);
    yuedu_fuzz::check_draw(&text, size(data[0], data[1]), size(data[2], data[3]), actions);
});
