//! The CRC-64 of a whole object from its parts' CRC-64s, as OSS's `x-oss-hash-crc64ecma` on
//! Complete reports it. OSS documents the per-part and whole-object values but not how they
//! relate; standard CRC algebra does: for a reflected CRC with all-ones init and xor-out
//! (CRC-64/XZ, which OSS calls crc64ecma), `crc(A‖B) = shift(crc(A), |B|) ⊕ crc(B)`, where the
//! shift is multiplication by x^(8|B|) in GF(2) modulo the polynomial — zlib's `crc32_combine`
//! method (repeated squaring of the "one zero bit" operator), in 64 bits.

/// CRC-64/XZ's polynomial, reflected.
pub const XZ: u64 = 0xC96C_5795_D787_0F42;
/// CRC-64/NVME's polynomial (0xAD93D23594C93659), reflected: S3's full-object CRC64NVME has the
/// same shape (reflected, all-ones init and xor-out), so the same algebra combines it.
pub const NVME: u64 = 0x9A6C_9329_AC4B_C9B5;

type Matrix = [u64; 64];

fn times(mat: &Matrix, mut vec: u64) -> u64 {
    let mut sum = 0;
    let mut i = 0;
    while vec != 0 {
        if vec & 1 != 0 {
            sum ^= mat[i];
        }
        vec >>= 1;
        i += 1;
    }
    sum
}

fn square(mat: &Matrix) -> Matrix {
    let mut out = [0; 64];
    for (n, row) in out.iter_mut().enumerate() {
        *row = times(mat, mat[n]);
    }
    out
}

/// The CRC-64/XZ of `A‖B` from `crc_a`, `crc_b` and `len_b` (bytes of B).
pub fn crc64_combine(crc_a: u64, crc_b: u64, len_b: u64) -> u64 {
    combine_with(XZ, crc_a, crc_b, len_b)
}

/// [`crc64_combine`] for any reflected CRC-64 with all-ones init and xor-out, by its reflected
/// polynomial.
pub fn combine_with(poly: u64, mut crc_a: u64, crc_b: u64, mut len_b: u64) -> u64 {
    if len_b == 0 {
        return crc_a;
    }
    // The operator of one zero bit, then of two and four by squaring.
    let mut odd: Matrix = [0; 64];
    odd[0] = poly;
    for (n, row) in odd.iter_mut().enumerate().skip(1) {
        *row = 1 << (n - 1);
    }
    let mut even = square(&odd);
    odd = square(&even);
    // Squared again each round: one zero byte, two, four, … applied where len_b has a bit set.
    loop {
        even = square(&odd);
        if len_b & 1 != 0 {
            crc_a = times(&even, crc_a);
        }
        len_b >>= 1;
        if len_b == 0 {
            break;
        }
        odd = square(&even);
        if len_b & 1 != 0 {
            crc_a = times(&odd, crc_a);
        }
        len_b >>= 1;
        if len_b == 0 {
            break;
        }
    }
    crc_a ^ crc_b
}

/// The whole object's CRC-64 from `(crc, len)` of each part, in order.
pub fn combine_parts(parts: impl IntoIterator<Item = (u64, u64)>) -> u64 {
    combine_parts_with(XZ, parts)
}

/// [`combine_parts`] for the CRC of reflected polynomial `poly` (the CRC of nothing is 0: init
/// and xor-out cancel).
pub fn combine_parts_with(poly: u64, parts: impl IntoIterator<Item = (u64, u64)>) -> u64 {
    parts
        .into_iter()
        .fold(0, |acc, (crc, len)| combine_with(poly, acc, crc, len))
}
