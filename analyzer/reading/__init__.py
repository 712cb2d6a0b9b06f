"""Input reading: decoding files, expanding paths, size and depth limits, merging pages."""
