import '../../lib/core/zod-messages';
import { render } from 'preact';
import '../../lib/ext-pages/ui.css';
import '../popup/popup.css';
import { App } from '../popup/App';

// Chrome's side panel: the popup's views with the room a long queue and a letter review need.
render(<App panel />, document.getElementById('app')!);
