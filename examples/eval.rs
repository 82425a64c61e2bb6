//! Prints how well yuedu's outline, figures, quotes and speakers match the labelled corpus
//! (`tests/corpus/`): precision, recall and kind accuracy per text, per kind and in all.
//!
//! `cargo run --release --example eval` prints the table; `-- --misses` adds every miss
//! under its text; `-- ID…` limits the run to those texts.

#[path = "../tests/corpus/eval.rs"]
mod eval;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let wanted: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let mut scores = Vec::new();
    for id in eval::ids() {
        if !wanted.is_empty() && !wanted.iter().any(|w| id.starts_with(w.as_str())) {
            continue;
        }
        match eval::score(&id) {
            Ok(s) => scores.push(s),
            Err(e) => {
                eprintln!("eval: {e}");
                std::process::exit(2);
            }
        }
    }
    let (table, _) = eval::table(&scores);
    print!("{table}");
    if misses {
        for s in &scores {
            if !s.misses.is_empty() {
                println!("\n## {}", s.id);
                for m in &s.misses {
                    println!("{m}");
                }
            }
        }
    }
}
