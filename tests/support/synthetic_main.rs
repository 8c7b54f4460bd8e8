//! Writes a synthetic corpus file: `cargo run --example synthetic-corpus -- COUNT OUT.json`.

#[path = "synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(out)) = (args.first().and_then(|c| c.parse().ok()), args.get(1)) else {
        eprintln!("usage: synthetic-corpus COUNT OUT.json");
        std::process::exit(2);
    };
    let corpus = synthetic::synthetic_corpus(count, 42);
    let json = serde_json::to_string(&corpus).expect("corpus serialises");
    std::fs::write(out, json).expect("write the corpus");
    println!("{out}: {count} synthetic messages");
}
