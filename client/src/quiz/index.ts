/** The quiz's elements, in one lazily loaded chunk: the lobby's before-quiz, the after-quiz dialog and one's own result. */
import './cis-before-quiz';
import './cis-after-quiz';
import './cis-quiz-result';
