// The message files are compiled into the crate by `static_loader!`, which
// does not tell cargo about them: a changed or new `.ftl` file must rebuild.
fn main() {
    println!("cargo:rerun-if-changed=../../assets/locales");
}
