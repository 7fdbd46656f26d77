fn main() -> std::process::ExitCode {
    zicha::cli::main()
}
