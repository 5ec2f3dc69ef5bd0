/** The quiz's API calls: the phase to answer now, sending answers, one's own result, and the facilitator opening the after-quiz. */
import type {
  OpenQuizRequest,
  QuizAnswersRequest,
  QuizResponse,
  QuizResultResponse,
} from '../../../server/protocol/debrief';
import { enc, request } from '../core/api';

/** Quiz calls, one per route. */
export const quizApi = {
  /** `GET /api/quiz`: the phase the reader has to answer now (null: none) and its statements. */
  current: () => request<QuizResponse>('GET', '/quiz'),
  /** `POST /api/quiz/answers`: one phase's answers, all at once (a second time is refused). */
  answer: (body: QuizAnswersRequest) => request<unknown>('POST', '/quiz/answers', body),
  /** `GET /api/quiz/result`: the reader's own before and after, with the truth. */
  result: () => request<QuizResultResponse>('GET', '/quiz/result'),
  /** `POST /api/sessions/:id/quiz`: the facilitator opens the after-quiz for the class. */
  openAfter: (sessionId: string) =>
    request<unknown>('POST', `/sessions/${enc(sessionId)}/quiz`, { phase: 'after' } satisfies OpenQuizRequest),
};
