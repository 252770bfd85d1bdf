//! A stable insertion sort for the short lists signing sorts (a request's headers, query
//! parameters, sub-resources: a handful to a few dozen). The standard library's sorts are
//! built for large inputs and cost ~30 KB of wasm across the element types used here; this is
//! a few hundred bytes.

/// Sorts `v` in place so that no element is `less` than the one before it; equal elements keep
/// their order.
pub fn sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `v` in place in its natural order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a < b)
}
