import '../shared/base.css';
import '../terminal/terminal.css';
import './display.css';
import { mountTerminal } from '../terminal/mount';
import { DisplayScreen } from './display-screen';

mountTerminal('display', 'display.title', (ctx) => <DisplayScreen ctx={ctx} />);
