/** The facilitator's class screens, in one chunk: the console and the projector view it opens. */
import './console/cis-console-page';
import './present/cis-present-page';
