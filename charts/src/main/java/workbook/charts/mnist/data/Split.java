package workbook.charts.mnist.data;

/**
 * The seed's split (part 3 (b)): of the labelled training images, the last 20 % is validation and the
 * rest, in order, is training. With the bundled 12,000 images that is 9,600 for training and the last 2,400
 * for validation; nothing is shuffled.
 *
 * @param train      the first 80 %
 * @param validation the last 20 %
 */
public record Split(ImageSet train, ImageSet validation) {
    /** The seed's validation fraction: the last 0.2 of the training data. */
    public static final double VALIDATION_FRACTION = 0.2;

    /** Splits {@code all} into its first 80 % and its last 20 % (rounded to whole images). */
    public static Split of(ImageSet all) {
        int validation = (int) Math.round(all.size() * VALIDATION_FRACTION);
        int train = all.size() - validation;
        if (train == 0 || validation == 0) {
            throw new IllegalArgumentException("a split needs at least 3 images, got " + all.size());
        }
        return new Split(all.slice("train " + train, 0, train),
                all.slice("validation " + validation, train, all.size()));
    }
}
