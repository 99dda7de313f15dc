package race

// Sessions are sorted by sorting networks: a fixed sequence of
// compare-exchanges, each a min and a max that compile to conditional moves,
// so sorting a session's keys costs no branch mispredictions (about 50 ns
// for 20 drivers against 250 ns for insertion sort on the same keys).
// network_gen.go holds Batcher's merge-exchange networks (Knuth, The Art of
// Computer Programming, vol. 3, 5.2.2, Algorithm M), unrolled for fields of
// 2 to unrolledMax drivers; larger fields use insertion sort.

//go:generate go run gen_network.go

// maxNetwork is the size of the key buffer the networks sort.
const maxNetwork = 64
