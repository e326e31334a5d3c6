import '../shared/base.css';
import '../terminal/terminal.css';
import { mountTerminal } from '../terminal/mount';

mountTerminal('display', 'display.title');
