//! Prints the build table (`messages_explorer_core::builds::manifest`) as JSON, for the
//! build scripts: `cargo run -p messages-explorer-core --example build-table`.

fn main() {
    println!("{}", messages_explorer_core::builds::manifest());
}
