package workbook.theory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@summary <span class="book-lede">The papers and books behind the write-ups, each with the write-ups that cite
 * it.</span>}{@bibliography}
 */
public final class Bibliography {
    // The one list of entries: a write-up cites one by key ({@cite key}), its {@references} list and this page are
    // generated from it, and the site build fails on a key that is not here (workbook.theory.site.CiteTaglet).
    private static final List<Entry> ENTRIES = List.of(
            new Entry("glorot2010", "Xavier Glorot, Yoshua Bengio", "Glorot &amp; Bengio", 2010,
                    "Understanding the difficulty of training deep feedforward neural networks",
                    "Proceedings of the 13th International Conference on Artificial Intelligence and Statistics "
                            + "(AISTATS), PMLR 9, pp. 249&ndash;256",
                    "https://proceedings.mlr.press/v9/glorot10a.html"),
            new Entry("he2015", "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun", "He et al.", 2015,
                    "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
                    "Proceedings of the IEEE International Conference on Computer Vision (ICCV), pp. 1026&ndash;1034",
                    "https://arxiv.org/abs/1502.01852"),
            new Entry("saxe2014", "Andrew M. Saxe, James L. McClelland, Surya Ganguli", "Saxe et al.", 2014,
                    "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks",
                    "International Conference on Learning Representations (ICLR)",
                    "https://arxiv.org/abs/1312.6120"),
            new Entry("klambauer2017", "G&uuml;nter Klambauer, Thomas Unterthiner, Andreas Mayr, Sepp Hochreiter",
                    "Klambauer et al.", 2017, "Self-normalizing neural networks",
                    "Advances in Neural Information Processing Systems 30 (NeurIPS), pp. 971&ndash;980",
                    "https://arxiv.org/abs/1706.02515"),
            new Entry("hendrycks2016", "Dan Hendrycks, Kevin Gimpel", "Hendrycks &amp; Gimpel", 2016,
                    "Gaussian error linear units (GELUs)", "arXiv preprint arXiv:1606.08415",
                    "https://arxiv.org/abs/1606.08415"),
            new Entry("ramachandran2017", "Prajit Ramachandran, Barret Zoph, Quoc V. Le", "Ramachandran et al.", 2017,
                    "Searching for activation functions", "arXiv preprint arXiv:1710.05941",
                    "https://arxiv.org/abs/1710.05941"),
            new Entry("misra2019", "Diganta Misra", "Misra", 2019,
                    "Mish: a self regularized non-monotonic activation function",
                    "arXiv preprint arXiv:1908.08681 (BMVC 2020)", "https://arxiv.org/abs/1908.08681"),
            new Entry("krizhevsky2012", "Alex Krizhevsky, Ilya Sutskever, Geoffrey E. Hinton", "Krizhevsky et al.",
                    2012, "ImageNet classification with deep convolutional neural networks",
                    "Advances in Neural Information Processing Systems 25 (NIPS), pp. 1097&ndash;1105",
                    "https://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks"),
            new Entry("nair2010", "Vinod Nair, Geoffrey E. Hinton", "Nair &amp; Hinton", 2010,
                    "Rectified linear units improve restricted Boltzmann machines",
                    "Proceedings of the 27th International Conference on Machine Learning (ICML), pp. 807&ndash;814",
                    "https://icml.cc/Conferences/2010/papers/432.pdf"),
            new Entry("clevert2016", "Djork-Arn&eacute; Clevert, Thomas Unterthiner, Sepp Hochreiter",
                    "Clevert et al.", 2016,
                    "Fast and accurate deep network learning by exponential linear units (ELUs)",
                    "International Conference on Learning Representations (ICLR)", "https://arxiv.org/abs/1511.07289"),
            new Entry("maas2013", "Andrew L. Maas, Awni Y. Hannun, Andrew Y. Ng", "Maas et al.", 2013,
                    "Rectifier nonlinearities improve neural network acoustic models",
                    "ICML Workshop on Deep Learning for Audio, Speech and Language Processing",
                    "https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf"),
            new Entry("lecun1998", "Yann LeCun, L&eacute;on Bottou, Genevieve B. Orr, Klaus-Robert M&uuml;ller",
                    "LeCun et al.", 1998, "Efficient BackProp",
                    "Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science 1524, Springer, "
                            + "pp. 9&ndash;50", "https://doi.org/10.1007/3-540-49430-8_2"),
            new Entry("lecun1998mnist", "Yann LeCun, L&eacute;on Bottou, Yoshua Bengio, Patrick Haffner",
                    "LeCun et al.", 1998, "Gradient-based learning applied to document recognition",
                    "Proceedings of the IEEE 86(11), pp. 2278&ndash;2324", "https://doi.org/10.1109/5.726791"),
            new Entry("dauphin2017", "Yann N. Dauphin, Angela Fan, Michael Auli, David Grangier", "Dauphin et al.",
                    2017, "Language modeling with gated convolutional networks",
                    "Proceedings of the 34th International Conference on Machine Learning (ICML), PMLR 70, "
                            + "pp. 933&ndash;941", "https://arxiv.org/abs/1612.08083"),
            new Entry("shazeer2020", "Noam Shazeer", "Shazeer", 2020, "GLU variants improve Transformer",
                    "arXiv preprint arXiv:2002.05202", "https://arxiv.org/abs/2002.05202"),
            new Entry("hochreiter1991", "Sepp Hochreiter", "Hochreiter", 1991,
                    "Untersuchungen zu dynamischen neuronalen Netzen",
                    "Diploma thesis, Technische Universit&auml;t M&uuml;nchen",
                    "https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf"),
            new Entry("bengio1994", "Yoshua Bengio, Patrice Simard, Paolo Frasconi", "Bengio et al.", 1994,
                    "Learning long-term dependencies with gradient descent is difficult",
                    "IEEE Transactions on Neural Networks 5(2), pp. 157&ndash;166", "https://doi.org/10.1109/72.279181"),
            new Entry("goldberg1991", "David Goldberg", "Goldberg", 1991,
                    "What every computer scientist should know about floating-point arithmetic",
                    "ACM Computing Surveys 23(1), pp. 5&ndash;48", "https://doi.org/10.1145/103162.103163"),
            new Entry("goodfellow2016", "Ian Goodfellow, Yoshua Bengio, Aaron Courville", "Goodfellow et al.", 2016,
                    "Deep Learning", "MIT Press", "https://www.deeplearningbook.org/"),
            new Entry("zhang2023", "Aston Zhang, Zachary C. Lipton, Mu Li, Alexander J. Smola", "Zhang et al.", 2023,
                    "Dive into Deep Learning", "Cambridge University Press", "https://d2l.ai/"),
            new Entry("poole2016", "Ben Poole, Subhaneil Lahiri, Maithra Raghu, Jascha Sohl-Dickstein, Surya Ganguli",
                    "Poole et al.", 2016, "Exponential expressivity in deep neural networks through transient chaos",
                    "Advances in Neural Information Processing Systems 29 (NIPS), pp. 3360&ndash;3368",
                    "https://arxiv.org/abs/1606.05340"),
            new Entry("lu2020", "Lu Lu, Yeonjong Shin, Yanhui Su, George Em Karniadakis", "Lu et al.", 2020,
                    "Dying ReLU and initialization: theory and numerical examples",
                    "Communications in Computational Physics 28(5), pp. 1671&ndash;1706",
                    "https://arxiv.org/abs/1903.06733"));

    private Bibliography() {}

    /**
     * One work the write-ups cite.
     *
     * @param key     what a write-up writes in {@code {@cite key}}, and the entry's anchor on this page
     * @param authors every author, as the work lists them (HTML)
     * @param citedAs the authors as a citation names them: one or two surnames, or the first and "et al." (HTML)
     * @param year    the year of publication
     * @param title   the title (HTML)
     * @param venue   where it appeared (HTML)
     * @param url     where to read it
     */
    public record Entry(String key, String authors, String citedAs, int year, String title, String venue, String url) {

        /** The citation in running text, such as "Glorot &amp; Bengio, 2010" (HTML). */
        public String citation() {
            return citedAs + ", " + year;
        }

        /** The full entry: authors (year). Title. Venue. (HTML, the title linked to {@link #url()}) */
        public String html() {
            return authors + " (" + year + "). <a class=\"book-paper\" href=\"" + url + "\">" + title + "</a>. "
                    + venue + ".";
        }
    }

    /** Every entry, ordered by first author and year. */
    public static List<Entry> all() {
        return ENTRIES.stream().sorted(Comparator.comparing(Entry::key)).toList();
    }

    /** The entry with this key, if there is one. */
    public static Optional<Entry> entry(String key) {
        return ENTRIES.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
