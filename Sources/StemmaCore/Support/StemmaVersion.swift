/// Stemma's version: what `stemma --version` prints, and the default user agent of `stemma watch`.
public let stemmaVersion = "0.1.0"
