// The route optimiser off the main thread, so the page stays responsive while it searches.
import { handleRouteMessage } from './worker-handler';

interface WorkerScope {
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
	postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => scope.postMessage(handleRouteMessage(event.data)));
